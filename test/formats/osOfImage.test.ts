/**
 * Which operating system an image name says: the table wrong-os and the Dockerfile's case rules rely on.
 * Windows images are named as such; every other named image is Linux; a variable says nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { osOfImage } from '../../server/src/core/formats/runtimeHints.js';

const CASES: readonly (readonly [string, 'linux' | 'windows' | undefined])[] = [
  ['mcr.microsoft.com/windows:ltsc2019', 'windows'],
  ['mcr.microsoft.com/windows/servercore:ltsc2022', 'windows'],
  ['mcr.microsoft.com/windows/nanoserver:ltsc2022', 'windows'],
  ['mcr.microsoft.com/windows/server@sha256:0123abcd', 'windows'],
  ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809', 'windows'],
  ['mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022', 'windows'],
  ['mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'windows'],
  ['mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022', 'windows'],
  ['mcr.microsoft.com/dotnet/aspnet:8.0', 'linux'],
  ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine', 'linux'],
  ['python:3.12-slim', 'linux'],
  ['gcr.io/distroless/static-debian12', 'linux'],
  ['example.com/windows-exporter-tools:1.0', 'linux'],
  ['${BASE_IMAGE}', undefined],
  ['$REGISTRY/app:latest', undefined],
  ['', undefined],
];

test('the operating system of an image', () => {
  assert.deepStrictEqual(
    CASES.map(([image]) => [image, osOfImage(image)]),
    CASES.map(([image, os]) => [image, os]),
  );
});
