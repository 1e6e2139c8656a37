import { endpointPathParameters } from '../model/action';
import { keyRange, rangeInString, valueRange } from './positions';
import type { ActionRule, RuleFinding } from './rule';

/**
 * `path-parameter-mismatch`: every `{name}` in the endpoint needs a `path` parameter, every `path` parameter must
 * appear in the endpoint, and a path parameter must be required (OpenCX cannot build the URL without it).
 */
export const pathParameterRule: ActionRule = {
  code: 'path-parameter-mismatch',
  defaultSeverity: 'error',
  summary: 'A {placeholder} in the endpoint has no path parameter, or a path parameter is unused or not required.',
  check({ document, action }) {
    const findings: RuleFinding[] = [];
    const inEndpoint = endpointPathParameters(action.endpoint);
    const declared = action.parameters.filter((p) => p.in === 'path');
    for (const name of inEndpoint) {
      if (declared.some((p) => p.name === name)) continue;
      const start = action.endpoint.indexOf(`{${name}}`);
      findings.push({
        message: `the endpoint uses {${name}} but no parameter has "name": "${name}" and "in": "path", so OpenCX cannot fill it`,
        range: rangeInString(document, ['endpoint'], start, name.length + 2),
        target: name,
        data: { kind: 'missing-parameter', name },
      });
    }
    for (const parameter of declared) {
      if (!inEndpoint.includes(parameter.name)) {
        findings.push({
          message: `path parameter "${parameter.name}" is not used in the endpoint; add {${parameter.name}} to the endpoint or remove the parameter`,
          range: valueRange(document, ['parameters', parameter.index, 'name']),
          target: parameter.name,
          data: { kind: 'unused-parameter', name: parameter.name, index: parameter.index },
        });
      } else if (!parameter.required) {
        const hasRequired = document.nodeAt(['parameters', parameter.index, 'required']) !== undefined;
        findings.push({
          message: `path parameter "${parameter.name}" must be required: OpenCX cannot build the URL without it; set "required": true`,
          range: hasRequired ? valueRange(document, ['parameters', parameter.index, 'required']) : keyRange(document, ['parameters', parameter.index]),
          target: parameter.name,
          data: { kind: 'not-required', name: parameter.name, index: parameter.index },
        });
      }
    }
    return findings;
  },
};
