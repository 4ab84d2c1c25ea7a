"""Frameworks that make connections from a URL or a settings dict: SQLAlchemy engines, Django
``DATABASES``, Celery / kombu broker settings. The driver behind them is found by the URL scheme or the
Django ``ENGINE`` and its table says which keys are TLS switches."""
from dataclasses import replace

from . import mongodb, mysql, odbc, postgres, redis
from .spec import CERT_NONE, HOSTNAME, ONE_OF, VERIFY, Api, Arg, Library, SettingsSpec, TlsSwitch

# Django ENGINE values and URL schemes (full, then the part before "+") -> the driver's table.
DRIVERS = (
    ("django.db.backends.postgresql", postgres.PSYCOPG2_CONNECT),
    ("django.db.backends.postgresql_psycopg2", postgres.PSYCOPG2_CONNECT),
    ("django.contrib.gis.db.backends.postgis", postgres.PSYCOPG2_CONNECT),
    ("django.db.backends.mysql", mysql.MYSQLDB_CONNECT),
    ("django.contrib.gis.db.backends.mysql", mysql.MYSQLDB_CONNECT),
    ("postgresql", postgres.PSYCOPG2_CONNECT),
    ("postgres", postgres.PSYCOPG2_CONNECT),
    ("postgresql+psycopg", postgres.PSYCOPG_CONNECT),
    ("postgresql+asyncpg", postgres.ASYNCPG_CONNECT),
    ("mysql", mysql.MYSQLDB_CONNECT),
    ("mysql+pymysql", mysql.PYMYSQL_CONNECT),
    ("mysql+aiomysql", mysql.PYMYSQL_CONNECT),
    ("mysql+mysqlconnector", mysql.CONNECTOR_CONNECT),
    ("redis", redis.FROM_URL),
    ("rediss", redis.FROM_URL),
    ("mongodb", mongodb.MONGO_CLIENT),
    ("mongodb+srv", mongodb.MONGO_CLIENT),
    ("mssql+pyodbc", odbc.PYODBC_CONNECT),
    ("mssql+aioodbc", odbc.PYODBC_CONNECT),
)

# An engine made from a URL: protocol "url" says the scheme picks the driver; the driver's keywords are
# given inside connect_args={...}.
URL_DISPATCH = "url"
CONNECT_ARGS = Arg("connect_args")


def engine_api(name: str) -> Api:
    return Api(name, "SQLAlchemy", url=Arg("url", 0), connection=True, protocol=URL_DISPATCH)


def within_connect_args(driver: Api, name: str) -> Api:
    """The driver's switches read from ``connect_args`` and, under the same names, from the URL query."""
    switches = tuple(replace(s, within=CONNECT_ARGS, options_by_name=True) if s.within is None else s
                     for s in driver.tls)
    return replace(driver, name=name, library="SQLAlchemy", tls=switches, password=())


# Celery / kombu: a broker URL and a dict of TLS options for it.
_BROKER_TLS = (
    TlsSwitch(Arg("ssl_cert_reqs"), VERIFY, (CERT_NONE, ONE_OF), values=(None, "none", "ssl.CERT_NONE"),
              option="ssl_cert_reqs", aliases=("cert_reqs",)),
    TlsSwitch(Arg("ssl_check_hostname"), HOSTNAME, (ONE_OF,), values=(False,), aliases=("check_hostname",)),
)
BROKER_HINT = 'a rediss:// or amqps:// URL with broker_use_ssl={"cert_reqs": ssl.CERT_REQUIRED}'
_BROKER_SSL_NAMES = ("broker_use_ssl", "BROKER_USE_SSL", "CELERY_BROKER_USE_SSL")
_BACKEND_SSL_NAMES = ("redis_backend_use_ssl", "CELERY_REDIS_BACKEND_USE_SSL")

SETTINGS = (
    SettingsSpec(("DATABASES",), "Django", "databases"),
    SettingsSpec(("broker_url", "BROKER_URL", "CELERY_BROKER_URL"), "Celery", "url", tls=_BROKER_TLS,
                 url_names=_BROKER_SSL_NAMES, tls_hint=BROKER_HINT, app_arg="broker"),
    SettingsSpec(("result_backend", "CELERY_RESULT_BACKEND"), "Celery", "url", tls=_BROKER_TLS,
                 url_names=_BACKEND_SSL_NAMES, tls_hint=BROKER_HINT, app_arg="backend"),
)
SETTINGS_WORDS = ("DATABASES", "broker_url", "BROKER_URL", "result_backend", "RESULT_BACKEND")


def _broker(name: str, url: Arg) -> Api:
    return Api(name, "Celery", url=url, connection=True, protocol=URL_DISPATCH, tls_hint=BROKER_HINT)


# SQLAlchemy's own modules import sqlalchemy (and its docstrings show imports): only a text that names
# one of its engine factories is worth parsing for it.
SQLALCHEMY = Library(
    name="sqlalchemy",
    modules=("sqlalchemy",),
    functions=(
        ("sqlalchemy.create_engine", engine_api("sqlalchemy.create_engine")),
        ("sqlalchemy.ext.asyncio.create_async_engine", engine_api("sqlalchemy.ext.asyncio.create_async_engine")),
    ),
    aliases=(("sqlalchemy.engine", "sqlalchemy"),),
    precheck_words=("create_engine", "create_async_engine"),
)

LIBRARY = Library(
    name="frameworks",
    modules=("celery", "kombu"),
    functions=(
        ("celery.Celery", _broker("celery.Celery", Arg("broker"))),
        ("kombu.Connection", Api("kombu.Connection", "kombu", url=Arg("hostname", 0), connection=True,
                                 protocol=URL_DISPATCH,
                                 tls_hint='an amqps:// or rediss:// URL with ssl={"cert_reqs": ssl.CERT_REQUIRED}')),
    ),
    aliases=(("kombu.connection", "kombu"),),
    settings=SETTINGS,
    settings_objects=(("celery.Celery", "conf"),),
)
