@echo off
rem Windows: the same commands as the Makefile. In cmd: make serve, make test, ...
rem in PowerShell: .\make serve. Danish preview: make serve --language da. Everything happens in tools\tasks.py (needs Python 3.11+).
setlocal
set "TASKS=%~dp0tools\tasks.py"
where py >nul 2>nul && goto launcher
where python >nul 2>nul && goto python
echo Python fehlt: installiere Python 3.11 oder neuer und oeffne danach ein neues Fenster. 1>&2
exit /b 1

:launcher
py -3 "%TASKS%" %*
exit /b %errorlevel%

:python
python "%TASKS%" %*
exit /b %errorlevel%
