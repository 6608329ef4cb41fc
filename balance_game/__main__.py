from balance_game.cli import main

main()
