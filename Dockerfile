# Node 24, the active LTS, pinned to an exact release (one tag for both stages; bump both together).
ARG NODE_IMAGE=node:24.20.0-trixie-slim

# Build: compile TypeScript and the tree-sitter binding (its prebuild needs a newer libstdc++).
FROM ${NODE_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild tree-sitter tree-sitter-python
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY rules ./rules
RUN npm run build && npm prune --omit=dev

# Run: the compiled app, production dependencies, the rules; as a non-root user.
FROM ${NODE_IMAGE}
# tini as PID 1: passes SIGTERM on to node (which drains its reviews and completes open checks)
# and reaps the scanning processes node forks; `docker run --init` does the same without it.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
COPY bin ./bin
COPY rules ./rules
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node directly, not npm or npx (which do not pass SIGTERM on): SIGTERM reaches diffsec, which
# answers 503, drains its reviews for DIFFSEC_SHUTDOWN_GRACE_SECONDS and completes open checks.
# Give `docker stop` more than the grace period: `docker stop -t 30`.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/server/main.js"]
