# Multi-stage: dependencies are installed in a build stage; the runtime stage runs as the unprivileged `node` user.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node schema ./schema
COPY --chown=node:node seed ./seed
COPY --chown=node:node src ./src
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
