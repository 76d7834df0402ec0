/**
 * Nomad job specifications (`*.nomad`, `*.nomad.hcl`), read with tree-sitter's HCL grammar: each
 * `task` of each `group` is a scope, with the `env { }` block (or `env = { }` map) as its environment and
 * the Docker driver's `config { image, command, args }` as its image and command line. A file without a
 * `job` block (Packer, Consul, other HCL) yields nothing. `${NOMAD_*}` and `${var.x}` are references.
 */
import type { ExtractContext, ExtractResult, SyntaxNode } from '../types.js';
import { createLineIndex } from '../text/lineIndex.js';
import { blockAttributesEnv, commandResult, imageResult, mapEnv } from './hclEnv.js';
import { attributeIn, blockLabels, blocksIn, bodyOf, childBlocks, stringValue, type HclSource } from './hclNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { withSyntaxTree } from './syntaxTree.js';
import { syntaxProblem } from './terraform.js';

export function extractNomad(text: string, ctx: ExtractContext): ExtractResult {
  return withSyntaxTree(ctx, 'hcl', text, (root) => {
    const jobs = childBlocks(bodyOf(root), 'job');
    if (jobs.length === 0) return emptyResult();
    const src: HclSource = { text, index: createLineIndex(text) };
    return mergeResults([syntaxProblem(src, root, 'Nomad job'), ...jobs.map((job) => readJob(src, job))]);
  });
}

function readJob(src: HclSource, job: SyntaxNode): ExtractResult {
  const jobName = blockLabels(job)[0] ?? '';
  return mergeResults(
    blocksIn(job, 'group').flatMap((group) =>
      blocksIn(group, 'task').map((task) =>
        readTask(src, task, `nomad:${jobName}/${blockLabels(group)[0] ?? ''}/${blockLabels(task)[0] ?? ''}`),
      ),
    ),
  );
}

function readTask(src: HclSource, task: SyntaxNode, scope: string): ExtractResult {
  const config = blocksIn(task, 'config')[0];
  const place = { scope };
  return mergeResults([
    imageResult(stringValue(attributeIn(config, 'image')), scope),
    ...blocksIn(task, 'env').map((env) => blockAttributesEnv(src, env, place)),
    mapEnv(src, attributeIn(task, 'env'), place),
    // `command = "java"` and `args = [...]` make one command line.
    commandResult(src, [attributeIn(config, 'command'), attributeIn(config, 'args')], scope),
  ]);
}
