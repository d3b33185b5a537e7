#!/bin/sh
# Imports the CSV files beside this script into a new Neo4j 5 database with
# neo4j-admin database import full. Written by kgraph; see README.md.
#
#   ./import.sh [DATABASE [neo4j-admin options...]]
#
# DATABASE defaults to neo4j and must be stopped (or not exist yet); add
# --overwrite-destination to replace it. NEO4J_ADMIN names the neo4j-admin command
# (default: $NEO4J_HOME/bin/neo4j-admin if NEO4J_HOME is set, else neo4j-admin on PATH).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
database=${1:-neo4j}
[ $# -gt 0 ] && shift
if [ -n "${NEO4J_ADMIN:-}" ]; then admin=$NEO4J_ADMIN
elif [ -n "${NEO4J_HOME:-}" ]; then admin=$NEO4J_HOME/bin/neo4j-admin
else admin=neo4j-admin
fi
exec "$admin" database import full "$database" \
  --id-type=string \
  --array-delimiter=U+001F \
  --multiline-fields=true \
  --nodes="$here/sources.csv" \
  --nodes="$here/actors.csv" \
  --nodes="$here/laws.csv" \
  --nodes="$here/events.csv" \
  --nodes="$here/places.csv" \
  --relationships="$here/rel_applies_to.csv" \
  --relationships="$here/rel_occurred_in.csv" \
  --relationships="$here/rel_participated_in.csv" \
  --relationships="$here/rel_party_to.csv" \
  --relationships="$here/rel_related_to.csv" \
  --relationships="$here/rel_spokesperson_of.csv" \
  "$@"
