/**
 * The image table: official images and the families built on them (distroless, Chainguard, Bitnami,
 * Red Hat UBI, AWS Lambda base images) name their runtime; generic images name none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hintsFromImage } from '../../server/src/core/formats/runtimeHints.js';

const CASES: readonly [string, string][] = [
  ['eclipse-temurin:21-jre', 'java'],
  ['gcr.io/distroless/java17-debian12', 'java'],
  ['cgr.dev/chainguard/jre:latest', 'java'],
  ['bitnami/java:21', 'java'],
  ['registry.access.redhat.com/ubi9/openjdk-21-runtime', 'java'],
  ['public.ecr.aws/lambda/java:21', 'java'],
  ['gcr.io/distroless/nodejs20-debian12', 'nodejs'],
  ['cgr.dev/chainguard/node', 'nodejs'],
  ['registry.access.redhat.com/ubi9/nodejs-20', 'nodejs'],
  ['public.ecr.aws/lambda/nodejs:20', 'nodejs'],
  ['node:20-alpine', 'nodejs'],
  ['registry.access.redhat.com/ubi8/ruby-30', 'ruby'],
  ['public.ecr.aws/lambda/ruby:3.3', 'ruby'],
  ['registry.access.redhat.com/ubi9/go-toolset:1.21', 'go'],
  ['golang:1.23', 'go'],
  ['gcr.io/distroless/python3-debian12', 'python'],
  ['public.ecr.aws/lambda/python:3.12', 'python'],
  ['registry.access.redhat.com/ubi9/python-311', 'python'],
  ['public.ecr.aws/lambda/dotnet:8', 'dotnet'],
  ['registry.access.redhat.com/ubi8/dotnet-80', 'dotnet'],
  ['bitnami/php-fpm:8.3', 'php'],
  ['alpine:3.20', ''],
  ['gcr.io/distroless/static-debian12', ''],
  ['public.ecr.aws/lambda/provided:al2023', ''],
  ['myjavaapp:1.0', ''],
  ['datadog/agent:7', ''],
];

describe('image table', () => {
  for (const [image, runtime] of CASES)
    it(`${image} -> ${runtime || 'none'}`, () => assert.equal(hintsFromImage(image).join(','), runtime));
});
