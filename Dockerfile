# Three stages: compile TypeScript and build the web pages (dist/web) with the dev dependencies, install the runtime
# dependencies alone, and run the compiled server as the unprivileged `node` user over code owned by root (so the
# process cannot change it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json
# The pages are served only where INTROSPECTION=true; built here so such an image has them.
COPY web ./web
COPY examples/operations ./examples/operations
COPY scripts/build-web.ts ./scripts/
RUN npm run build:web

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# Inside a container the API must listen on every interface for `-p 4000:4000` to reach it.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY schema ./schema
COPY seed ./seed
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 with its own SIGTERM handler: `docker stop` reaches the server, which drains and exits 0.
CMD ["node", "dist/main.js"]
