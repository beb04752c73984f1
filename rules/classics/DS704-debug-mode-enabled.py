import os

from flask import Flask
from werkzeug import serving
from werkzeug.serving import run_simple

DEBUG = True  # expect: DS704
TEMPLATE_DEBUG = True  # ok: DS704 not the debug switch

app = Flask(__name__)
app.config["DEBUG"] = True  # expect: DS704
app.config["TESTING"] = True  # ok: DS704 not debug
app.debug = True  # expect: DS704
app.debug = False  # ok: DS704 debug off


def main():
    app.run(host="127.0.0.1", debug=True)  # expect: DS704
    run_simple("127.0.0.1", 5000, app, use_debugger=True, use_reloader=True)  # expect: DS704
    serving.run_simple("127.0.0.1", 5000, app, use_evalex=True)  # expect: DS704
    app.run(debug=False)  # ok: DS704 debug off
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")  # ok: DS704 from the environment
    run_simple("127.0.0.1", 5000, app, use_reloader=True)  # ok: DS704 reloader only


class Worker:
    DEBUG = True  # ok: DS704 class attribute, not a settings module

    def start(self):
        self.debug = True  # ok: DS704 some object's flag, not the app
        DEBUG = True  # ok: DS704 local variable
        return DEBUG
