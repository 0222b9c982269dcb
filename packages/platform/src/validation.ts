import { CodedError, ErrorCode, type FieldError } from '@writ/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

/** Flattens class-validator's tree into one entry per broken rule, with a path like `respondents[0].idNumber`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = parent
      ? isIndex
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      flat.push({ field: path, rule, message: rewriteUnknownField(rule, message, path) });
    }
    if (error.children?.length) flat.push(...flattenValidationErrors(error.children, path));
  }
  return flat;
}

function rewriteUnknownField(rule: string, message: string, path: string): string {
  return rule === 'whitelistValidation' ? `${path} is not a field of this request` : message;
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

export function validationFailed(errors: FieldError[]): CodedError {
  const summary = errors.map((e) => e.message).join('; ');
  return new CodedError(ErrorCode.ValidationFailed, `Invalid request: ${summary}`, { errors });
}

/**
 * Turns a plain body into a validated instance of the message class, or throws VALIDATION_FAILED
 * naming every broken field. Used at every boundary: the gateway, and each service's handlers.
 */
export async function validateMessage<T extends object>(cls: ClassConstructor<T>, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed([
      { field: '(body)', rule: 'isObject', message: 'the request body must be a JSON object' },
    ]);
  }
  const instance = plainToInstance(cls, body);
  const errors = await validate(instance, VALIDATION_OPTIONS);
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return instance;
}
