# gklint in a container, for CI systems that run one (README, "Install"):
#   docker build -t gklint .
#   docker run --rm -v "$PWD:/work" gklint reports/
# Debian 12. The build stage makes the Debian package (a Release build, then cpack); the runtime
# stage installs it with apt-get, which brings the shared libraries it needs and nothing of the
# build. Each RUN calls a script of scripts/: scripts/container-steps.sh runs the same scripts
# without a container, and scripts/package-test.sh (in .ci/run) runs that.
FROM debian:bookworm-slim AS build
WORKDIR /src
COPY . .
RUN scripts/install-deps.sh --build
RUN scripts/build-deb.sh build-release

FROM debian:bookworm-slim
COPY --from=build /src/scripts/install-deb.sh /src/build-release/gklint_*.deb /tmp/
RUN /tmp/install-deb.sh /tmp/gklint_*.deb && rm -rf /var/lib/apt/lists/* /tmp/*
WORKDIR /work
ENTRYPOINT ["gklint"]
