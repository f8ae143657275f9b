// @ts-check
/**
 * A Stryker reporter that appends each mutant that was not detected to reports/survivors.txt as soon as it is tested
 * (`file:line:column status mutator: replacement`), so a long run can be worked on before it ends.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const FILE = 'reports/survivors.txt';

class SurvivorLog {
  onDryRunCompleted() {
    mkdirSync('reports', { recursive: true });
    writeFileSync(FILE, '');
  }

  /** @param {import('@stryker-mutator/api/core').MutantResult} result */
  onMutantTested(result) {
    if (result.status !== 'Survived' && result.status !== 'NoCoverage') return;
    const { line, column } = result.location.start;
    appendFileSync(FILE, `${result.fileName}:${line}:${column + 1} ${result.status} ${result.mutatorName}: ${JSON.stringify(result.replacement ?? '')}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivor-log', SurvivorLog)];
