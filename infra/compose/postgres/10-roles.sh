#!/bin/sh
# First start of the PostgreSQL volume only: one role per system, each owning its databases.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE donthu LOGIN PASSWORD '${DONTHU_DB_PASSWORD}';
CREATE DATABASE donthu OWNER donthu;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD '${TEMPORAL_DB_PASSWORD}';
SQL
# The migrations create the unaccent and pg_trgm extensions (search, duplicate detection): trusted
# extensions in PostgreSQL 13+, so the database owner may create them.
