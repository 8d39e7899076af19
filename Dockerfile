# syntax=docker/dockerfile:1
# The server image. The build stage has the whole workspace and every dev tool; the runtime
# stage gets only the bundle (dist/, with its migrations) and the server's production
# dependencies, runs as the unprivileged `node` user, and owns nothing but its data directory.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-slim AS build
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
RUN npm install --global pnpm@10.34.9
WORKDIR /repo

# Packages are fetched from the lockfile alone, so this layer is reused until dependencies change.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc package.json ./
RUN pnpm fetch

COPY . .
# Installing also generates the Prisma client (packages/db's postinstall).
RUN pnpm install --frozen-lockfile --offline
RUN pnpm exec turbo run build --filter=@repo/server...
# A self-contained copy of apps/server with production dependencies only (workspace packages are
# compiled into the bundle, so they are dev dependencies and stay behind).
RUN pnpm --filter @repo/server deploy --legacy --prod --offline /out

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data
WORKDIR /app
# Code stays root-owned: the process can read it but not change it.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
