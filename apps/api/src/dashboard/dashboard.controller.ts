import { Controller, Get, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { dashboardScope } from './dashboard-scope';
import { DashboardService } from './dashboard.service';
import { DashboardQueryDto } from './dto/dashboard.query';
import type { DashboardResponse } from './dto/dashboard.response';

@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  get(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardResponse> {
    return this.dashboard.getDashboard(dashboardScope(user, query.organizationId), new Date());
  }
}
