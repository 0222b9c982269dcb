import { Module } from '@nestjs/common';

/** The fund ledger's own handlers and providers; its stage logic lands here. */
@Module({})
export class FundLedgerModule {}
