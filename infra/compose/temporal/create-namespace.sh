#!/bin/sh
# Creates the donthu namespace once; its retention is how long closed workflow histories stay
# in Temporal (the case's own audit trail lives in PostgreSQL for good).
set -eu
if temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $NAMESPACE exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi
