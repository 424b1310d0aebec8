import { Module } from '@nestjs/common';
import { OrphansModule } from '../orphans/orphans.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [OrphansModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
