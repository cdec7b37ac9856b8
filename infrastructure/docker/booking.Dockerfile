# syntax=docker/dockerfile:1
# The booking service (port 8082). Build from the repository root:
#   docker build -f infrastructure/docker/booking.Dockerfile -t booking .

# --- build: the Maven wrapper on a JDK 21, only this module and what it depends on ---
FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY . .
# tests and the formatter check ran in CI already; the cache mount keeps ~/.m2 between builds
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -pl booking -am package \
      -DskipTests -Dspotless.check.skip=true \
 && cp booking/target/booking-*.jar /workspace/app.jar
# Spring Boot's layered layout: dependencies change rarely, the application on every commit
RUN java -Djarmode=tools -jar /workspace/app.jar extract --layers --launcher --destination /workspace/extracted
# The RDS certificate authorities (every region), so the JDBC driver can verify Aurora's certificate and name
# (sslMode=VERIFY_IDENTITY in MYSQL_URL, which names this store). keytool imports one certificate per file.
ADD https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /workspace/rds-ca/global-bundle.pem
RUN cd /workspace/rds-ca \
 && awk '/-----BEGIN CERTIFICATE-----/ { n++ } n { print > ("ca-" n ".pem") }' global-bundle.pem \
 && for ca in ca-*.pem; do \
      keytool -importcert -noprompt -alias "${ca%.pem}" -file "$ca" \
        -keystore /workspace/rds-ca.p12 -storetype PKCS12 -storepass changeit; \
    done \
 && test "$(keytool -list -keystore /workspace/rds-ca.p12 -storepass changeit | grep -c trustedCertEntry)" -gt 0

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
COPY --from=build /workspace/rds-ca.p12 /app/rds-ca.p12
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8082
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8082/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
