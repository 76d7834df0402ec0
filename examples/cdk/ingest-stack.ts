import { Stack, type StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';

export class IngestStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { apiKey: ecs.Secret }) {
    super(scope, id, props);
    const taskDef = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 512, memoryLimitMiB: 1024 });

    taskDef.addContainer('datadog-agent', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/datadog/agent:latest'),
      environment: { ECS_FARGATE: 'true', DD_APM_ENABLED: 'true', DD_SITE: 'datadoghq.eu' },
      secrets: { DD_API_KEY: props.apiKey },
    });

    const ingest = taskDef.addContainer('ingest', {
      image: ecs.ContainerImage.fromRegistry('example/ingest:2.4.1'),
      environment: {
        DD_SERVICE: 'ingest',
        DD_ENV: 'prod',
        DD_PROFILING_ENABLED: 'true',
        DD_TRACE_ANALYTICS_ENABLED: 'true',
      },
    });
    ingest.addEnvironment('DD_VERSION', '2.4.1');
  }
}
