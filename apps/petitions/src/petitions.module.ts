import { Module } from '@nestjs/common';

/** The petition desk's own handlers and providers; its stage logic lands here. */
@Module({})
export class PetitionsModule {}
