/**
 * Which images are the Datadog Agent's: every registry and spelling the Agent ships under, and the
 * look-alikes that run the application (library-injection init images, serverless-init) that are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAgentImage } from '../../server/src/core/rules/wrongTarget.js';

describe('isAgentImage', () => {
  it('knows the Agent and the cluster Agent on every registry, with tags and digests', () => {
    for (const image of [
      'datadog/agent',
      'datadog/agent:7',
      'docker.io/datadog/agent:latest',
      'index.docker.io/datadog/agent:7.52.0',
      'gcr.io/datadoghq/agent:7-jmx',
      'eu.gcr.io/datadoghq/agent:7',
      'public.ecr.aws/datadog/agent:7',
      'registry.datadoghq.com/agent:7',
      'datadog/cluster-agent:7.52.0',
      'gcr.io/datadoghq/cluster-agent:latest',
      'registry.example.com:5000/mirror/datadog/agent:7',
      `datadog/agent@sha256:${'0'.repeat(64)}`,
      'DATADOG/AGENT:7',
    ]) {
      assert.equal(isAgentImage(image), true, image);
    }
  });

  it('does not take application or helper images for the Agent', () => {
    for (const image of [
      'python:3.12',
      'datadog/serverless-init:1',
      'gcr.io/datadoghq/dd-lib-java-init:v1',
      'datadog/dd-trace-java',
      'example/agent:7',
      'datadog/agent-dev:nightly',
      'registry.example.com:5000/datadog-agent',
      '',
    ]) {
      assert.equal(isAgentImage(image), false, image);
    }
  });
});
