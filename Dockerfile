# syntax=docker/dockerfile:1
# Build with the Maven wrapper on a JDK, run on a JRE as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Sources only (.dockerignore keeps target/ and data/ out); the cache mount keeps ~/.m2 between builds.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package \
    && cp ledger-api/target/ledger.jar /ledger.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system ledger \
    && useradd --system --gid ledger --home-dir /var/lib/ledger --create-home --shell /usr/sbin/nologin ledger \
    && mkdir -p /var/lib/ledger/data \
    && chown -R ledger:ledger /var/lib/ledger
COPY --from=build /ledger.jar /opt/ledger/ledger.jar
USER ledger
WORKDIR /var/lib/ledger
# Local files, owned by the user so that a new volume is too (the embedded store when LEDGER_MONGODB_URI is unset, the development signing key).
ENV LEDGER_DATA_DIR=/var/lib/ledger/data
VOLUME ["/var/lib/ledger/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/ledger/ledger.jar"]
