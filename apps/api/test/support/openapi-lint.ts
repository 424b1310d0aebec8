// The structural rules of OpenAPI 3.0 that a generated document can break. No OpenAPI
// validator package is installed; these checks cover what our generators produce.

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const PARAMETER_LOCATIONS = ['query', 'header', 'path', 'cookie'];
/** The keywords of an OpenAPI 3.0 Schema Object (plus x- extensions). */
const SCHEMA_KEYWORDS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolvePointer(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), document);
}

function checkSchema(schema: unknown, where: string, problems: string[]): void {
  if (!isObject(schema)) {
    problems.push(`${where}: a schema must be an object`);
    return;
  }
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-'))
      problems.push(`${where}: "${key}" is not an OpenAPI 3.0 schema keyword`);
  }
  if ('type' in schema && !TYPES.includes(schema.type as string))
    problems.push(`${where}: type must be one of ${TYPES.join(', ')} (got ${JSON.stringify(schema.type)})`);
  if (schema.type === 'array' && !('items' in schema)) problems.push(`${where}: an array schema needs items`);
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum', 'nullable', 'uniqueItems'])
    if (key in schema && typeof schema[key] !== 'boolean')
      problems.push(`${where}: ${key} must be a boolean`);
  if ('required' in schema) {
    const required = schema.required;
    if (!Array.isArray(required) || required.length === 0 || required.some((r) => typeof r !== 'string'))
      problems.push(`${where}: required must be a non-empty array of names`);
  }
  if ('enum' in schema && (!Array.isArray(schema.enum) || schema.enum.length === 0))
    problems.push(`${where}: enum must be a non-empty array`);
  if (isObject(schema.properties))
    for (const [name, property] of Object.entries(schema.properties))
      checkSchema(property, `${where}.properties.${name}`, problems);
  if ('items' in schema) checkSchema(schema.items, `${where}.items`, problems);
  if (isObject(schema.additionalProperties))
    checkSchema(schema.additionalProperties, `${where}.additionalProperties`, problems);
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    if (!(combinator in schema)) continue;
    const members = schema[combinator];
    if (!Array.isArray(members) || members.length === 0)
      problems.push(`${where}: ${combinator} must be a non-empty array`);
    else members.forEach((member, i) => checkSchema(member, `${where}.${combinator}[${i}]`, problems));
  }
  if ('not' in schema) checkSchema(schema.not, `${where}.not`, problems);
}

function checkContent(content: unknown, where: string, problems: string[]): void {
  if (!isObject(content) || Object.keys(content).length === 0) {
    problems.push(`${where}: content must map at least one media type`);
    return;
  }
  for (const [mediaType, media] of Object.entries(content)) {
    if (isObject(media) && 'schema' in media)
      checkSchema(media.schema, `${where}.${mediaType}.schema`, problems);
  }
}

/** Every problem found, as readable lines (empty when the document is well formed). */
export function lintOpenApi30(document: Json): string[] {
  const problems: string[] = [];
  if (typeof document.openapi !== 'string' || !/^3\.0\.\d+$/.test(document.openapi))
    problems.push('openapi must be a 3.0.x version string');
  const info = document.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string')
    problems.push('info needs a title and a version');
  if (!isObject(document.paths)) problems.push('paths must be an object');

  // Every $ref of the document resolves.
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${where}[${i}]`));
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string' && resolvePointer(document, node.$ref) === undefined)
      problems.push(`${where}: unresolved $ref ${node.$ref}`);
    for (const [key, child] of Object.entries(node)) visit(child, `${where}.${key}`);
  };
  visit(document, '#');

  const schemas = isObject(document.components) ? document.components.schemas : undefined;
  if (isObject(schemas))
    for (const [name, schema] of Object.entries(schemas))
      checkSchema(schema, `components.schemas.${name}`, problems);

  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!path.startsWith('/')) problems.push(`${path}: a path must start with /`);
    if (!isObject(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof operation.operationId === 'string') {
        if (operationIds.has(operation.operationId)) problems.push(`${where}: duplicate operationId`);
        operationIds.add(operation.operationId);
      }
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []) as Json[];
      const seen = new Set<string>();
      for (const parameter of parameters) {
        const name = `${parameter.in}:${parameter.name}`;
        if (typeof parameter.name !== 'string' || !PARAMETER_LOCATIONS.includes(parameter.in as string))
          problems.push(`${where}: parameter ${name} needs a name and a valid "in"`);
        if (seen.has(name)) problems.push(`${where}: duplicate parameter ${name}`);
        seen.add(name);
        if ('schema' in parameter === 'content' in parameter)
          problems.push(`${where}: parameter ${name} needs exactly one of schema and content`);
        if ('schema' in parameter) checkSchema(parameter.schema, `${where} parameter ${name}`, problems);
        if ('content' in parameter) checkContent(parameter.content, `${where} parameter ${name}`, problems);
        if (
          parameter.in === 'path' &&
          (parameter.required !== true || !templated.includes(parameter.name as string))
        )
          problems.push(`${where}: path parameter ${parameter.name} must be required and in the path`);
      }
      for (const name of templated)
        if (!seen.has(`path:${name}`)) problems.push(`${where}: path parameter {${name}} is not declared`);
      if (isObject(operation.requestBody))
        checkContent(operation.requestBody.content, `${where} requestBody`, problems);
      const responses = operation.responses;
      if (!isObject(responses) || Object.keys(responses).length === 0) {
        problems.push(`${where}: responses must not be empty`);
        continue;
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: bad response key ${status}`);
        if (!isObject(response) || typeof response.description !== 'string')
          problems.push(`${where} ${status}: a response needs a description`);
        else if ('content' in response) checkContent(response.content, `${where} ${status}`, problems);
      }
    }
  }
  return problems;
}
