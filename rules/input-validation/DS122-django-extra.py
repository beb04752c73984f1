from django.contrib.auth.models import User


def search(name, order, clause, tables):
    User.objects.extra(where=["username = '%s'" % name])  # expect: DS122
    User.objects.filter(is_active=True).extra(select={"n": f"length({name})"})  # expect: DS122
    User.objects.all().extra(where=clause)  # expect: DS122
    User.objects.extra(tables=tables).distinct()  # expect: DS122
    User.objects.extra({"score": order})  # expect: DS122
    User.objects.filter(
        username="admin",
    ).extra(  # expect: DS122
        order_by=[order],
    )
    User.objects.extra(where=["username = %s"], params=[name])  # ok: DS122 literal SQL, value as parameter
    User.objects.extra(
        select={"is_recent": "pub_date > '2006-01-01'"},  # ok: DS122 literal SQL
    )
    User.objects.extra({"lower_name": "lower(username)"})  # ok: DS122 literal SQL
    options.extra(headers=clause)  # ok: DS122 none of extra()'s SQL keywords
    return settings.extra(name)  # ok: DS122 some other object's `extra`
