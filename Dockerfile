# One image for either service, from its executable jar: build the jars first (mvn -B -DskipTests package), then
# docker-compose.yml builds this file twice, with SERVICE=command-service and SERVICE=query-service.
FROM eclipse-temurin:21-jre

ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=command-service or query-service" && false)
RUN useradd --system --no-create-home --uid 10001 crt
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/service.jar
USER crt

# SIGTERM (docker stop) starts the graceful shutdown: requests in flight get up to 20 s, then the processors stop
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
