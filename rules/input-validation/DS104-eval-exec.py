import ast
import builtins
import os
from pathlib import Path


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


# monasca-transform's service runner: virtualenv's activate_this.py, run from a fixed path.
activate_this_file = "/opt/monasca/transform/venv/bin/activate_this.py"
exec(open(activate_this_file).read(), dict(__file__=activate_this_file))  # ok: DS104 a file the code names: as an import
exec(  # ok: DS104 the same, written out and read with pathlib
    Path("/opt/app/venv/bin/activate_this.py").read_text())


def run_plugin(plugin_path, script_dir):
    exec(open(plugin_path).read())  # expect: DS104 a path the caller gives
    exec(open(os.path.join(script_dir, "hook.py")).read())  # expect: DS104 a folder the caller gives
    exec(open(activate_this_file).readline())  # expect: DS104 not the whole file: one line of it


# meteos' learning script: each model controller passes its base the class names it evals.
class ModelController(object):
    def __init__(self, train_name, model_name):
        self.train_class = eval(train_name)  # ok: DS104 every subclass gives a constant class name
        self.model_class = eval(model_name)  # ok: DS104 likewise, through a local bound once


class LinearRegressionModelController(ModelController):
    def __init__(self):
        model_name = 'LinearRegressionModel'
        super(LinearRegressionModelController, self).__init__('LinearRegressionWithSGD', model_name)


class RidgeRegressionModelController(ModelController):
    def __init__(self):
        super().__init__(train_name='RidgeRegressionWithSGD', model_name='RidgeRegressionModel')


class PluginController(object):
    def __init__(self, loader_name):
        self.loader = eval(loader_name)  # expect: DS104 one caller passes what it was given


class ConfiguredPlugin(PluginController):
    def __init__(self, conf):
        super().__init__(conf.loader)


class FixedPlugin(PluginController):
    def __init__(self):
        super().__init__('JsonLoader')


class RequestController(object):
    def __init__(self, expression):
        self.value = eval(expression)  # expect: DS104 constructed with a request's value


def handle(request):
    return RequestController(request.params['expr'])


def fixed():
    return RequestController('1 + 1')



def read_version(path="kgkeystone/__init__.py"):
    # karaage-keystone's setup.py: the package's version read from its AST, nothing run.
    with open(path) as file:
        source = file.read()
    tree = compile(source, path, 'exec', ast.PyCF_ONLY_AST)  # ok: DS104 an AST only, as ast.parse gives
    tree2 = compile(source, path, 'exec', flags=ast.PyCF_ONLY_AST)  # ok: DS104 the flag by keyword
    code = compile(source, path, 'exec')  # expect: DS104 compiled to run
    return tree, tree2, code
