import ast
import builtins


def run(expr, body, model, source, path):
    value = eval(expr)  # expect: DS104
    exec(body)  # expect: DS104
    builtins.eval(f"{expr} + 1")  # expect: DS104
    code = compile(source, "<input>", "exec")  # expect: DS104
    exec(compile(open(path).read(), path, "exec"), locals(), globals())  # expect: DS104 once, at compile
    eval("1 + 2")  # ok: DS104 constant code
    ast.literal_eval(expr)  # ok: DS104 literals only
    model.eval()  # ok: DS104 a method named eval
    json_eval(expr)  # ok: DS104 another function
    return value, code
