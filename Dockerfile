# One image for the API and the worker (see docker-compose.yml). Both are stateless:
# scale the worker with `docker compose up --scale worker=N`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The back-office is built once and served by the API; the workflow code is bundled
# once so that workers start fast.
RUN npx vite build apps/admin \
 && node -r ./scripts/register.cjs -e "require('./apps/worker/src/workflow-bundle.ts').buildWorkflowBundle().then((code) => require('node:fs').writeFileSync('workflow-bundle.js', code))"

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    ADMIN_DIST_DIR=/app/apps/admin/dist \
    WORKFLOW_BUNDLE_PATH=/app/workflow-bundle.js \
    API_HOST=0.0.0.0
COPY --from=build /app /app
USER node
EXPOSE 3000
# Overridden by the worker service in docker-compose.yml.
CMD ["node", "-r", "./scripts/register.cjs", "apps/api/src/main.ts"]
