# syntax=docker/dockerfile:1
# The bot-runner service (port 8083). Build from the repository root:
#   docker build -f infrastructure/docker/bot-runner.Dockerfile -t bot-runner .

# --- build: the Maven wrapper on a JDK 21, only this module and what it depends on ---
FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY . .
# tests and the formatter check ran in CI already; the cache mount keeps ~/.m2 between builds
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -pl bot-runner -am package \
      -DskipTests -Dspotless.check.skip=true \
 && cp bot-runner/target/bot-runner-*.jar /workspace/app.jar
# Spring Boot's layered layout: dependencies change rarely, the application on every commit
RUN java -Djarmode=tools -jar /workspace/app.jar extract --layers --launcher --destination /workspace/extracted

# --- runtime: a JRE 21, non-root ---
FROM eclipse-temurin:21-jre
# curl for the health check (Docker's here, ECS's in the task definition)
RUN apt-get update \
 && apt-get install --yes --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
# the heap fixed at its full size (initial = max): a heap that starts small has a young generation of a few MB, and
# the open's burst of bot launches then meets a collection every ~100 ms; half of it young, so on the task's one vCPU
# (serial collector) the first young collection comes after the launches (bot-runner/README.md, "Launching on time")
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:NewRatio=1 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8083
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8083/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
