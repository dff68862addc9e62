"""Glance API entry point for gunicorn, with its SQLite database made safe for two threads.

Glance runs an image import in a thread beside the one serving the API, and both write the
same SQLite file. oslo.db opens each transaction with a deferred BEGIN; in write-ahead-log
mode SQLite refuses at once ("database is locked") a deferred transaction that read and
then tries to write after the other thread wrote, and its busy wait never applies to that
case. Here that BEGIN becomes BEGIN IMMEDIATE: a transaction takes the write lock first, so
the second thread waits (up to 30 s) rather than fails. A real deployment runs Glance on
MySQL or PostgreSQL, where none of this arises."""
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_connection, _record):
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA busy_timeout = 30000")


@event.listens_for(Engine, "before_cursor_execute", retval=True)
def _sqlite_begin_immediate(connection, _cursor, statement, parameters, _context, _many):
    if connection.dialect.name == "sqlite" and statement.strip().upper() == "BEGIN":
        statement = "BEGIN IMMEDIATE"
    return statement, parameters


from glance.wsgi.api import application  # noqa: E402,F401
