import json

import sqlalchemy as sa
from sqlalchemy import Boolean, Column, ForeignKey, PickleType, String, Text
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import PickleType as Pickled
from sqlalchemy.types import TypeDecorator

from myproject.db import types as project_types


class JSONEncodedDict(TypeDecorator):
    """Represents an immutable structure as a json-encoded string."""

    impl = Text

    def process_bind_param(self, value, dialect):
        return json.dumps(value) if value is not None else None

    def process_result_value(self, value, dialect):
        return json.loads(value) if value is not None else None


class ImageLocation(object):
    id = Column(sa.Integer, primary_key=True)
    image_id = Column(String(36), ForeignKey('images.id'), nullable=False)
    value = Column(Text(), nullable=False)
    meta_data = Column(PickleType(), default={})  # expect: DS110
    extra = Column(
        "extra",
        sa.PickleType(protocol=2),  # expect: DS110
        nullable=True,
    )
    cache = mapped_column(Pickled)  # expect: DS110
    legacy = sa.Column(sa.types.PickleType)  # expect: DS110
    properties = Column(JSONEncodedDict(), default={})  # ok: DS110 stored as JSON
    details = Column(sa.JSON, default={})  # ok: DS110 stored as JSON
    deleted = Column(Boolean, nullable=False, default=False)  # ok: DS110 not a pickle
    blob = Column(project_types.PickleType())  # ok: DS110 the project's own type of that name
    note = Column(Text, comment="was a PickleType() before Juno")  # ok: DS110 a comment in a string


def pickled_columns(table):
    # A schema audit asking which columns pickle, not declaring one.
    return [column.name for column in table.columns
            if isinstance(column.type, sa.PickleType)]  # ok: DS110 isinstance() tests a column's type, declares nothing
