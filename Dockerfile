# skills-rules: build with Maven, run on a JRE as a non-root user. The rules are copied in at /app/rules;
# mount a directory over it (-v "$PWD/rules:/app/rules:ro") to edit them without rebuilding the image,
# then POST /api/v1/rulesets/reload.

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
RUN mkdir -p /app/data && chown skills:skills /app/data
USER skills
ENV SKILLS_RULES_DIR=/app/rules \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
