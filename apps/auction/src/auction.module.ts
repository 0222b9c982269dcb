import { Module } from '@nestjs/common';

/** The auction stage's own handlers and providers; its stage logic lands here. */
@Module({})
export class AuctionModule {}
