"""The learning loop's pages: the recommendations (overview, page, follow-up), field
reports, and theme and region pages."""

from learning.views.recommendations import overview, overview_csv, recommendation, status_change
from learning.views.reports import (
    report,
    report_create,
    report_edit,
    report_flag,
    report_flags_dismiss,
    report_hide,
    report_restore,
    report_withdraw,
)
from learning.views.topics import region, region_follow, theme, theme_follow

__all__ = [
    "overview",
    "overview_csv",
    "recommendation",
    "region",
    "region_follow",
    "report",
    "report_create",
    "report_edit",
    "report_flag",
    "report_flags_dismiss",
    "report_hide",
    "report_restore",
    "report_withdraw",
    "status_change",
    "theme",
    "theme_follow",
]
