# Semgrep test for egr205-optional-tls, written by tools/semgrep_tests.py from tests/fixtures/EGR205.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR205 (TLS optional: the connection falls back to cleartext).
import os

import MySQLdb
import asyncpg
import mysql.connector
import psycopg
import psycopg2
from sqlalchemy import create_engine

# ruleid: egr205-optional-tls
prefer = psycopg2.connect(host="db.example.com", dbname="app", sslmode="prefer")
# ruleid: egr205-optional-tls
allow = psycopg2.connect("host=db.example.com dbname=app sslmode=allow")
# ruleid: egr205-optional-tls
by_default = psycopg2.connect(host="db.example.com", dbname="app")
# ruleid: egr205-optional-tls
url_default = psycopg.connect("postgresql://db.example.com/app")
# ruleid: egr205-optional-tls
engine_prefer = create_engine("postgresql+psycopg2://db.example.com/app?sslmode=prefer")
# ruleid: egr205-optional-tls
mysql_default = MySQLdb.connect(host="mysql.example.com", user="app")
# ruleid: egr205-optional-tls
mysql_preferred = MySQLdb.connect(host="mysql.example.com", ssl_mode="PREFERRED")
# ruleid: egr205-optional-tls
connector_default = mysql.connector.connect(host="mysql.example.com", user="app")


async def reports():
    # ruleid: egr205-optional-tls
    return await asyncpg.connect("postgresql://db.example.com/reports", ssl="prefer")


async def reports_default():
    # ruleid: egr205-optional-tls
    return await asyncpg.create_pool(host="db.example.com", database="reports")


DATABASES = {
    # ruleid: egr205-optional-tls
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "NAME": "app"},
    # ok: egr205-optional-tls
    "secure": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com",
               "OPTIONS": {"sslmode": "verify-full"}},
    # ok: egr205-optional-tls
    "compose": {"ENGINE": "django.db.backends.postgresql", "HOST": "postgres"},
    # ok: egr205-optional-tls
    "local": {"ENGINE": "django.db.backends.postgresql", "HOST": ""},
    # ruleid: egr205-optional-tls
    "reports": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "OPTIONS": {"sslmode": "prefer"}},
    # ruleid: egr205-optional-tls
    "timeouts": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "OPTIONS": {"connect_timeout": 5}},
    # ruleid: egr205-optional-tls
    "legacy": {"ENGINE": "django.db.backends.mysql", "HOST": "mysql.example.com", "NAME": "shop"},
    # ruleid: egr205-optional-tls
    "legacy_preferred": {"ENGINE": "django.db.backends.mysql", "HOST": "mysql.example.com",
                         "OPTIONS": {"ssl_mode": "PREFERRED"}},
    # ok: egr205-optional-tls
    "legacy_tls": {"ENGINE": "django.db.backends.mysql", "HOST": "mysql.example.com",
                   "OPTIONS": {"ssl": {"ca": "/etc/ssl/db-ca.pem"}}},
    # ok: egr205-optional-tls
    "legacy_compose": {"ENGINE": "django.db.backends.mysql", "HOST": "mysql", "NAME": "shop"},
}

# ok: egr205-optional-tls
verified = psycopg2.connect(host="db.example.com", dbname="app", sslmode="verify-full")
# ok: egr205-optional-tls
compose = psycopg2.connect(host="db", dbname="app")
# ok: egr205-optional-tls
loopback = psycopg2.connect("postgresql://127.0.0.1/app")
# ok: egr205-optional-tls
from_env = psycopg2.connect(os.environ["DATABASE_URL"])
# ok: egr205-optional-tls
env_host = psycopg2.connect(host=os.environ["PGHOST"], dbname="app")
# ok: egr205-optional-tls
mysql_verified = MySQLdb.connect(host="mysql.example.com", ssl_mode="VERIFY_IDENTITY")
# ok: egr205-optional-tls
connector_verified = mysql.connector.connect(host="mysql.example.com", ssl_ca="/etc/ssl/db-ca.pem",
                                             ssl_verify_cert=True, ssl_verify_identity=True)
# ok: egr205-optional-tls
unix_socket = psycopg2.connect("host=/var/run/postgresql dbname=app")

# --- SQLAlchemy: connect_args and the URLs of the MySQL drivers that fall back to cleartext -------------
# ruleid: egr205-optional-tls
engine_args_prefer = create_engine("postgresql+psycopg2://db.example.com/app", connect_args={"sslmode": "prefer"})
# ruleid: egr205-optional-tls
mysql_engine = create_engine("mysql://app@mysql.example.com/shop")
# ruleid: egr205-optional-tls
connector_engine = create_engine("mysql+mysqlconnector://app@mysql.example.com/shop")
# ok: egr205-optional-tls
compose_engine_args = create_engine("postgresql+psycopg2://db/app", connect_args={"sslmode": "prefer"})
# ok: egr205-optional-tls
verified_engine_args = create_engine("postgresql+psycopg2://db.example.com/app", connect_args={"sslmode": "verify-full"})
# ok: egr205-optional-tls
mysql_engine_verified = create_engine("mysql://app@mysql.example.com/shop", connect_args={"ssl_mode": "VERIFY_IDENTITY"})
