from django.db import models
from django.db.models.expressions import RawSQL
from django.contrib.auth.models import User


def annotate(column, user_id, query):
    User.objects.annotate(val=RawSQL("SELECT %s FROM t" % column, []))  # expect: DS123
    User.objects.annotate(val=RawSQL(f"SELECT x FROM t WHERE id = {user_id}", []))  # expect: DS123
    User.objects.annotate(val=models.RawSQL(query, [user_id]))  # expect: DS123
    User.objects.annotate(
        val=RawSQL(params=[], sql="SELECT {} FROM t".format(column)),  # expect: DS123
    )
    User.objects.annotate(val=RawSQL("SELECT x FROM t WHERE id = %s", [user_id]))  # ok: DS123 literal with params
    User.objects.annotate(val=RawSQL(sql="SELECT 1", params=[]))  # ok: DS123 literal by keyword
    User.objects.annotate(
        val=RawSQL(  # ok: DS123 literal split over lines
            "SELECT count(*) FROM t"
            " WHERE owner_id = %s",
            [user_id],
        ),
    )
    User.objects.annotate(val=RawSQL(f"SELECT 1 WHERE id IN ({','.join(['%s'] * len(query))})", query))  # ok: DS123 only placeholders formatted in
    return User.objects.raw("SELECT * FROM auth_user")  # ok: DS123 not RawSQL
