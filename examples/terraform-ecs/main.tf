# The orders service on ECS Fargate: the Java application with the Datadog Agent as a sidecar.
variable "image_tag" {
  type = string
}

variable "dd_api_key" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048

  container_definitions = jsonencode([
    {
      name      = "orders"
      image     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:${var.image_tag}"
      essential = true
      command   = ["java", "-javaagent:/opt/dd-java-agent.jar", "-jar", "/app/orders.jar"]
      environment = [
        { name = "DD_SERVICE", value = "orders" },
        { name = "DD_ENV", value = "prod" },
        { name = "DD_VERSION", value = var.image_tag },
        { name = "DD_PROFILING_ENABLED", value = "true" },
        { name = "DD_PROFILING_ALLOCATION_ENABLED", value = true },
      ]
    },
    {
      name      = "datadog-agent"
      image     = "public.ecr.aws/datadog/agent:7"
      essential = true
      environment = [
        { name = "ECS_FARGATE", value = "true" },
        # Copied from a blog post, with the key still in it.
        { name = "DD_API_KEY", value = "3f6c8d9e0a1b2c3d4e5f60718293a4b5" },
        { name = "DD_SITE", value = "datadoghq.eu" },
        { name = "DD_APM_ENABLED", value = "true" },
        { name = "DD_PROFILING_ENABLED", value = "true" },
      ]
    },
  ])
}

# The same service's batch job, defined the older way: a heredoc of JSON.
resource "aws_ecs_task_definition" "orders_batch" {
  family                = "orders-batch"
  container_definitions = <<EOF
[
  {
    "name": "batch",
    "image": "eclipse-temurin:21-jre",
    "environment": [
      { "name": "DD_SERVICE", "value": "orders-batch" },
      { "name": "DD_PROFILING_ENABLED", "value": "true" },
      { "name": "DD_API_KEY", "value": "${var.dd_api_key}" }
    ]
  }
]
EOF
}

# A worker on Lambda, correct: the key comes from a variable.
resource "aws_lambda_function" "reconcile" {
  function_name = "orders-reconcile"
  runtime       = "python3.12"
  handler       = "datadog_lambda.handler.handler"
  role          = "arn:aws:iam::123456789012:role/orders-reconcile"
  filename      = "reconcile.zip"

  environment {
    variables = {
      DD_SERVICE           = "orders-reconcile"
      DD_ENV               = "prod"
      DD_API_KEY           = var.dd_api_key
      DD_PROFILING_ENABLED = "true"
    }
  }
}
