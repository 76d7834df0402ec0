@echo off
REM Start the service
SET DD_ENV=staging
cd /d C:\app
dotnet Shop.dll
