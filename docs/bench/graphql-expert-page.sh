#!/usr/bin/env bash
# The expert page of the GraphQL API beside one hand-written Cypher query through the driver and beside the
# Neo4j GraphQL Library (@neo4j/graphql, ../shared/peers/neo4j-graphql), interleaved in rounds on the SAME
# embedded Neo4j, at C concurrent clients. A stop-gap until `talentgraph bench graphql` exists.
#
# Needs: node 20+, a copy of the peer harness with `npm ci` done (PEER, default /tmp/peer), and a running
#   TALENT_ADMIN_PASSWORD=... TALENT_BOLT_PASSWORD=$BOLT_PW bin/talentgraph serve --data-dir DIR --port 18080 --bolt-port 17687
# seeded with the peer's graph (2,000 experts; the peer's seed.js refuses a non-empty store, and the app keeps
# its own users/tokens/migrations nodes, so run seed.cypher's statements with its empty-store check removed),
# an API token (`bin/talentgraph token create --uri bolt://127.0.0.1:17687 --password $BOLT_PW --name bench`),
# and the peer's server.js on LIB_URL (NEO4J_URI/USER/PASSWORD of the same Bolt port, PORT=14000).
#
#   TOKEN=tg_... BOLT_PW=... API_PID=<java pid> [LIB_PID=<node pid>] docs/bench/graphql-expert-page.sh
# Env: C=16 W=5 D=20 ROUNDS=3 API_URL=http://127.0.0.1:18080/graphql LIB_URL=http://127.0.0.1:14000/ BOLT=bolt://127.0.0.1:17687
# Prints per run: req/s, p50/p90/p99 (load.js/raw.js), and CPU ms per request of the app's JVM (GraphQL + Neo4j)
# and of the library's node process. Warm the JVM up first (a minute of load): a cold JIT halves the figures.
set -euo pipefail
: "${TOKEN:?API token}" "${BOLT_PW:?Bolt password}" "${API_PID:?pid of the talentgraph JVM}"
PEER=${PEER:-/tmp/peer} C=${C:-16} W=${W:-5} D=${D:-20} ROUNDS=${ROUNDS:-3}
API_URL=${API_URL:-http://127.0.0.1:18080/graphql} LIB_URL=${LIB_URL:-http://127.0.0.1:14000/}
export NEO4J_URI=${BOLT:-bolt://127.0.0.1:17687} NEO4J_USER=neo4j NEO4J_PASSWORD=$BOLT_PW
OUT=$(mktemp -d)
cat >"$OUT/page.graphql" <<'Q'
{ experts(first: 20) { edges { node { id name skills { level skill { name } } projects { name } collaborators { name } } } } }
Q
# The same data as the page, by hand: same order (id), collaborators read undirected like the API does.
cat >"$OUT/raw.cypher" <<'Q'
MATCH (e:Expert) WHERE e.id IS NOT NULL
WITH e ORDER BY e.id LIMIT $limit
RETURN e { .id, .name,
  skills:        [(e)-[r:HAS_SKILL]->(s:Skill) | {level: r.level, name: s.name}],
  projects:      [(e)-[:WORKED_ON]->(p:Project) | p.name],
  collaborators: [(e)-[:COLLABORATED_WITH]-(c:Expert) | c.name]
} AS expert
Q
ticks() { [ -n "${1:-}" ] && awk '{print $14+$15}' "/proc/$1/stat" || echo 0; }
run() { # name, extra pid to account, command...
  local name=$1 extra=$2; shift 2
  "$@" --json "$OUT/$name.json" >"$OUT/$name.txt" 2>&1 &
  local p=$!; sleep "$W"
  local a0 b0 a1 b1; a0=$(ticks "$API_PID"); b0=$(ticks "$extra")
  wait $p
  a1=$(ticks "$API_PID"); b1=$(ticks "$extra")
  python3 - "$OUT/$name.json" "$(head -1 "$OUT/$name.txt")" $((a1 - a0)) $((b1 - b0)) "$(getconf CLK_TCK)" <<'P'
import json, sys
r = json.load(open(sys.argv[1])); n = max(r["requests"], 1); hz = int(sys.argv[5])
print(f"{sys.argv[2]} | JVM cpu ms/req {int(sys.argv[3]) * 1000 / hz / n:.2f} | node server cpu ms/req {int(sys.argv[4]) * 1000 / hz / n:.2f}")
P
}
for i in $(seq 1 "$ROUNDS"); do
  run "api-$i" "" node "$PEER/load.js" -u "$API_URL" -q "$OUT/page.graphql" -c "$C" -w "$W" -d "$D" -H "Authorization: Bearer $TOKEN" --label talentgraph-api
  run "raw-$i" "" node "$PEER/raw.js" -c "$C" -w "$W" -d "$D" -q "$OUT/raw.cypher" --label raw-cypher
  if [ -n "${LIB_PID:-}" ]; then
    run "lib-$i" "$LIB_PID" node "$PEER/load.js" -u "$LIB_URL" -q "$PEER/queries/expert-page.graphql" -c "$C" -w "$W" -d "$D" --label neo4j-graphql-lib
  fi
done
echo "raw results in $OUT"
