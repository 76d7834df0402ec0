# The orders service on Nomad, with the profiler on: correct.
job "orders" {
  datacenters = ["dc1"]

  group "api" {
    count = 2

    task "orders" {
      driver = "docker"

      config {
        image = "eclipse-temurin:21-jre"
        args  = ["java", "-javaagent:/opt/dd-java-agent.jar", "-jar", "/local/orders.jar"]
      }

      env {
        DD_SERVICE           = "orders"
        DD_ENV               = "prod"
        DD_VERSION           = "${NOMAD_META_version}"
        DD_AGENT_HOST        = "${attr.unique.network.ip-address}"
        DD_PROFILING_ENABLED = "true"
      }
    }
  }
}
