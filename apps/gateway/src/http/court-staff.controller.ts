import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { COURT_STAFF_ROLES, type Actor, type StaffMemberView } from '@writ/contracts';
import { Allow, CurrentActor } from '../auth/access.js';
import { UserRepository } from '../auth/user.repository.js';

/**
 * The court's staff directory: the services record who acted by user id or username, and the UI
 * names them from here. Staff only: a party is not given the court's roster.
 */
@ApiTags('court settings')
@ApiBearerAuth()
@Controller('court/staff')
export class CourtStaffController {
  constructor(private readonly users: UserRepository) {}

  @Get()
  @Allow(...COURT_STAFF_ROLES)
  @ApiOkResponse({ description: 'Every staff account of the caller’s court' })
  async list(@CurrentActor() actor: Actor): Promise<StaffMemberView[]> {
    const staff = await this.users.staffOf(actor.courtCode);
    return staff
      .filter((u) => !u.disabled)
      .map(({ id, username, displayName, roles }) => ({ id, username, displayName, roles }));
  }
}
