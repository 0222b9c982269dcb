import { Module } from '@nestjs/common';
import { ServiceStartRecorder } from '@writ/platform';

/** The auction stage's own handlers and providers; its stage logic lands here. */
@Module({
  providers: [ServiceStartRecorder],
})
export class AuctionModule {}
