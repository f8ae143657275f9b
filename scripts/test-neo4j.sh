#!/usr/bin/env bash
# Runs the store contract suite against a real Neo4j started by docker compose (needs Docker).
# Uses NEO4J_PASSWORD from .env (copied from .env.example when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] || cp .env.example .env
set -a; . ./.env; set +a
docker compose up -d --wait neo4j
NEO4J_URI=neo4j://localhost:7687 NEO4J_USER=neo4j npx vitest run tests/store-contract.test.ts "$@"
