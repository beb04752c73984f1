# monasca-common's query language: a pyparsing grammar whose parse actions build these objects
# from `tokens`, the pieces of the query text. A `token` here is syntax, not a credential.
import pyparsing


class MetricSelector(object):
    def __init__(self, tokens):
        self.args = tokens
        self.name = None
        self.dimensions = {}
        for token in tokens:
            if isinstance(token, str):
                self.name = token
            elif isinstance(token, pyparsing.ParseResults):
                self.dimensions = token

    def __repr__(self):
        return "MetricSelector(name={},dimensions={})".format(  # ok: DS210 a parser's token
            self.name, self.dimensions)


class Rule(object):
    def __init__(self, tokens):
        token = tokens[0]
        self.source = token
        self.target = tokens[1]

    def __str__(self):
        return "Rule(source={},target={})".format(self.source, self.target)  # ok: DS210 syntax again


class Client(object):
    """The same file may still hold a real credential: a compound name is not a parser's token."""

    def __init__(self, endpoint, auth_token):
        self.endpoint = endpoint
        self.auth_token = auth_token

    def __repr__(self):
        return "Client(%s, %s)" % (self.endpoint, self.auth_token)  # expect: DS210 the client's token
