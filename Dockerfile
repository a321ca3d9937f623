# skills-rules: built with Maven, run on a JRE as a non-root user. One image for both databases: the embedded H2 file
# in /app/data by default, PostgreSQL when QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME, _PASSWORD) says so.
# The rules are copied in at /app/rules; mount a directory over it (-v "$PWD/rules:/app/rules:ro") to change them
# without rebuilding the image, then POST /api/v1/rulesets/reload. Keep /app/data on a volume: it holds the token
# signing key, the first administrator's password file and (with H2) the database. See compose.yaml.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY openapi openapi
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app skills
WORKDIR /app
COPY --from=build --chown=skills:skills /src/target/quarkus-app/ /app/
COPY --chown=skills:skills rules/ /app/rules/
RUN mkdir -p /app/data && chown skills:skills /app/data && chmod 700 /app/data
USER skills
# Memory follows the container's limit: a quarter of it for the heap (160 MiB of 640), the rest for metaspace, code,
# threads and buffers; two C allocator arenas instead of one per core pair keep native memory compact. With a 640 MiB
# limit the process stays under 512 MiB resident under load. The serial collector suits two cores.
ENV SKILLS_RULES_DIR=/app/rules \
    SKILLS_DATA_DIR=/app/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
