# sunbeam's horizon charm: the module defines its own `exec`, which runs a command in a workload
# container, so every bare `exec` here is that function, not the builtin.


def exec(container, cmd):
    process = container.exec(cmd.split(), timeout=5 * 60)
    out, warnings = process.wait_output()
    return out


def init_service(charm, container_name, command):
    container = charm.unit.get_container(container_name)
    exec(container, "a2dissite 000-default")  # ok: DS104 the module's own function, not the builtin
    exec(container,
         command)  # ok: DS104 the module's own function, given a value


def evaluate(expression, exec=None):
    runner = exec or print
    runner(expression)  # ok: DS104 not named exec here
    return eval(expression)  # expect: DS104 the builtin eval, not shadowed
