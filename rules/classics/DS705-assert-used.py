def delete(context, instance):
    assert context.is_admin, "admin only"  # expect: DS705
    assert instance.vm_state == "active"  # expect: DS705
    assert (  # expect: DS705
        instance.host == context.host
    ), "wrong host"
    if not context.is_admin:  # ok: DS705 explicit check
        raise PermissionError("admin only")
    checked = "assert context.is_admin"  # ok: DS705 a string, not a statement
    asserted = instance.assert_valid()  # ok: DS705 a method, not the statement
    assert isinstance(instance.host, str)  # ok: DS705 a note to the type checker
    assert instance.host is not None  # ok: DS705 a note to the type checker
    assert instance.host is not None and context.is_admin  # expect: DS705
    return checked, asserted
