resource "aws_ecs_task_definition" "orders" {
  family = "orders"
  container_definitions = jsonencode([{
    name  = "orders"
    image = "eclipse-temurin:21-jre"
    environment = [
      { name = "DD_PROFILING_ENABLE", value = "true" },
      { name = "DD_ENV", value = "prod" },
    ]
  }])
}
