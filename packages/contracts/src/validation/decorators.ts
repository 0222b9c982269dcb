import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PartyKind } from '../enums.js';
import { residentIdNumberProblem, unifiedSocialCreditCodeProblem } from '../ids.js';
import { isFen } from '../money.js';

/**
 * The party's id number must pass the check of its kind: 居民身份证 for a natural person,
 * 统一社会信用代码 for an organisation. The object's `kind` decides which.
 */
@ValidatorConstraint({ name: 'isPartyIdNumber' })
class PartyIdNumberConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && this.problem(value, args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    const value: unknown = args.value;
    if (typeof value !== 'string') return `${args.property} must be a string`;
    return `${args.property} ${this.problem(value, args) ?? 'is invalid'}`;
  }

  private problem(value: string, args: ValidationArguments): string | null {
    const kind = (args.object as { kind?: unknown }).kind;
    if (kind === PartyKind.NaturalPerson) {
      const problem = residentIdNumberProblem(value);
      return problem && `(居民身份证号码) ${problem}`;
    }
    if (kind === PartyKind.Organisation) {
      const problem = unifiedSocialCreditCodeProblem(value);
      return problem && `(统一社会信用代码) ${problem}`;
    }
    return 'cannot be checked without a valid kind';
  }
}

export function IsPartyIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPartyIdNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: PartyIdNumberConstraint,
    });
}

/** An amount in integer fen: a whole, non-negative, safe number (never a float). */
export function IsFen(options?: ValidationOptions & { positive?: boolean }): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFen',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isFen(value) && (!options?.positive || value > 0),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'amount'} must be a whole number of fen (分)${options?.positive ? ' greater than 0' : ' of 0 or more'}, not a fraction`,
      },
    });
}
